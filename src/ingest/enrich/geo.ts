// Country (and, with a city database, region and city) from the client address, read offline from an
// MMDB file with `maxmind` (MIT). The default is the CC0 `@ip-location-db/geo-whois-asn-country-mmdb`
// shipped in node_modules; `PULSE_GEOIP_DB` may name a MaxMind or DB-IP city database. Each file is
// read once per process, off the start-up path (`warm`, or the first lookup); nothing is downloaded.
import { accessSync, constants, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Reader, Response } from 'maxmind'
import { prebuilt } from '../../prebuilt'
import { BoundedCache } from './cache'

/** Where an address is, as far as the database knows. */
export interface GeoInfo {
  country: string | null
  region: string | null
  city: string | null
}

interface GeoRecord {
  country_code?: string
  country?: { iso_code?: string }
  registered_country?: { iso_code?: string }
  subdivisions?: { names?: Record<string, string> }[]
  city?: { names?: Record<string, string> }
}

// The reader's type parameter only names the record type; records are read as `GeoRecord`.
const readers = new Map<string, Reader<Response>>()

/** The path of the shipped country database (embedded in the binary), or undefined when missing. */
export function defaultGeoDbPath(): string | undefined {
  const embedded = prebuilt()?.geoDbPath
  if (embedded) return embedded
  try {
    const pkg = createRequire(import.meta.url).resolve(
      '@ip-location-db/geo-whois-asn-country-mmdb/package.json',
    )
    return pkg.replace(/package\.json$/, 'geo-whois-asn-country.mmdb')
  } catch {
    return undefined
  }
}

/** A reader of `path`, opened once per process. */
function readerOf(path: string, bytes?: Buffer): Reader<Response> {
  let r = readers.get(path)
  if (!r) {
    // The reader library loads with the file, not at start-up (its module costs ~20 ms of start-up).
    const { Reader: MmdbReader } = require('maxmind') as typeof import('maxmind')
    r = new MmdbReader<Response>(bytes ?? readFileSync(path))
    readers.set(path, r)
  }
  return r
}

/**
 * Looks addresses up in one MMDB file. The file (~15 MB for the shipped one) is read on `warm()`, in the
 * background after start-up, or by the first lookup if that comes first; the constructor only checks
 * that it is readable.
 */
export class GeoLookup {
  private reader: Reader<Response> | undefined
  /** The file could not be parsed: lookups find nothing (the warning was logged by `warm`'s caller). */
  private failed = false
  /** Returning visitors' addresses cost a map lookup instead of a tree walk. */
  private readonly cache = new BoundedCache<string, GeoInfo>({ capacity: 50_000 })

  constructor(private readonly path: string) {
    accessSync(path, constants.R_OK)
    this.reader = readers.get(path)
  }

  /** Read and parse the file without blocking the event loop; rejects if it is not an MMDB file. */
  async warm(): Promise<void> {
    if (this.reader || this.failed) return
    try {
      const bytes = await readFile(this.path)
      this.reader ??= readerOf(this.path, bytes)
    } catch (err) {
      this.failed = true
      throw err
    }
  }

  /** The reader, opened now if `warm` has not finished; undefined when the file cannot be parsed. */
  private open(): Reader<Response> | undefined {
    if (this.reader || this.failed) return this.reader
    try {
      this.reader = readerOf(this.path)
    } catch {
      this.failed = true
    }
    return this.reader
  }

  /** What the database says of `address` (cached; the result must not be changed). */
  lookup(address: string): GeoInfo {
    let g = this.cache.get(address)
    if (!g) {
      g = this.find(address)
      this.cache.set(address, g)
    }
    return g
  }

  /** What the database says of `address` (IPv4-mapped IPv6 looked up as IPv4); nulls when unknown. */
  private find(address: string): GeoInfo {
    const ip = address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address
    const reader = this.open()
    let rec: GeoRecord | null = null
    try {
      rec = (reader?.get(ip) ?? null) as GeoRecord | null
    } catch {
      rec = null // not an IP address
    }
    if (!rec) return { country: null, region: null, city: null }
    const country = rec.country_code ?? rec.country?.iso_code ?? rec.registered_country?.iso_code
    return {
      country: country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : null,
      region: rec.subdivisions?.[0]?.names?.en?.slice(0, 128) ?? null,
      city: rec.city?.names?.en?.slice(0, 128) ?? null,
    }
  }
}
