// Country names (as GA4 writes `geo.country`) → ISO 3166-1 alpha-2 codes. The table is built from the
// runtime's CLDR English region names (Intl.DisplayNames, the names Google's products also use: "United
// States", "Türkiye", "Czechia", "South Korea", "Hong Kong SAR China"), plus older and shorter spellings.
// A name not in it ("(not set)", a typo, a region GA4 invents) maps to no country rather than a guess.

/** Codes CLDR names that are not countries (EU, UN, pseudo-locales, "Unknown Region"). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ'])

/** Spellings CLDR does not use but exports do. */
const ALIASES: Record<string, string> = {
  'hong kong': 'HK',
  macao: 'MO',
  macau: 'MO',
  turkey: 'TR',
  'czech republic': 'CZ',
  myanmar: 'MM',
  burma: 'MM',
  palestine: 'PS',
  "cote d'ivoire": 'CI',
  'ivory coast': 'CI',
  'cape verde': 'CV',
  swaziland: 'SZ',
  macedonia: 'MK',
  'democratic republic of the congo': 'CD',
  'republic of the congo': 'CG',
  'the netherlands': 'NL',
  'united states of america': 'US',
  usa: 'US',
  uk: 'GB',
  'great britain': 'GB',
  'korea, republic of': 'KR',
  'russian federation': 'RU',
  'viet nam': 'VN',
}

const normalise = (name: string) => name.trim().toLowerCase().replace(/[’‘`]/g, "'")

function buildTable(): Map<string, string> {
  const table = new Map<string, string>(Object.entries(ALIASES))
  const names = new Intl.DisplayNames(['en'], { type: 'region' })
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
  for (const a of letters)
    for (const b of letters) {
      const code = a + b
      if (NOT_COUNTRIES.has(code)) continue
      let name: string | undefined
      try {
        name = names.of(code)
      } catch {
        continue
      }
      if (!name || name === code) continue
      table.set(normalise(name), code)
      // "Hong Kong SAR China" → also "Hong Kong"; "Congo - Kinshasa" stays as it is.
      const short = name.replace(/ SAR China$/, '')
      if (short !== name) table.set(normalise(short), code)
    }
  return table
}

let table: Map<string, string> | undefined

/** The ISO code of a country name, or a two-letter code as given; undefined when unknown. */
export function countryCode(name: unknown): string | undefined {
  if (typeof name !== 'string' || name === '') return undefined
  if (/^[A-Za-z]{2}$/.test(name)) return name.toUpperCase()
  table ??= buildTable()
  return table.get(normalise(name))
}
