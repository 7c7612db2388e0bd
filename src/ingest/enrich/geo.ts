// Country (and, with a city database, region and city) from the client address, read offline from an
// MMDB file with `maxmind` (MIT). The default is the CC0 `@ip-location-db/geo-whois-asn-country-mmdb`
// shipped in node_modules; `PULSE_GEOIP_DB` may name a MaxMind or DB-IP city database. Each file is
// read once per process; nothing is downloaded.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Reader, type Response } from 'maxmind'
import { prebuilt } from '../../binary/prebuilt'
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
function readerOf(path: string): Reader<Response> {
  let r = readers.get(path)
  if (!r) {
    r = new Reader<Response>(readFileSync(path))
    readers.set(path, r)
  }
  return r
}

/** Looks addresses up in one MMDB file. */
export class GeoLookup {
  private readonly reader: Reader<Response>
  /** Returning visitors' addresses cost a map lookup instead of a tree walk. */
  private readonly cache = new BoundedCache<string, GeoInfo>({ capacity: 50_000 })

  constructor(path: string) {
    this.reader = readerOf(path)
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
    let rec: GeoRecord | null = null
    try {
      rec = this.reader.get(ip) as GeoRecord | null
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
