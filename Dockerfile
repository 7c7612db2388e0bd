# PULSE as a container: stage 1 builds the single binary from a clone; stage 2 holds only that binary
# and the C/C++ runtime libraries it loads (the same set test/binary/binary.test.ts runs it with in a
# bare root). Build: docker build -t pulse .   Run: docker run -p 3000:3000 -v pulse-data:/data pulse

FROM node:20-bookworm AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && ./dist/pulse version && mkdir -p /out/data

# distroless/cc: glibc, libstdc++ and libgcc_s (what `ldd` lists for the binary and libduckdb), no shell.
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/dist/pulse /usr/local/bin/pulse
# The data directory belongs to the image's non-root user (uid 65532).
COPY --from=build --chown=65532:65532 /out/data /data
USER 65532:65532
WORKDIR /data
ENV PULSE_DATA_DIR=/data HOST=0.0.0.0 PORT=3000 UV_THREADPOOL_SIZE=8
VOLUME /data
EXPOSE 3000
# `pulse health` asks /health without loading the database library.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/usr/local/bin/pulse", "health"]
ENTRYPOINT ["/usr/local/bin/pulse"]
CMD ["serve"]
