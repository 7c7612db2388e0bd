// The W3C extended log parser: fields from the last #Fields directive, values by name, `-` missing,
// `+` in the User-Agent read as a space, times in UTC; lines it cannot read say why.
import { expect, test } from 'bun:test'
import { createW3cParser, DIRECTIVE } from '../../src/imports/sources/w3c-log'

test('fields follow the last #Fields directive; values are read by name', () => {
  const parse = createW3cParser()
  expect(parse('2015-01-13 00:00:01 GET / 200')).toEqual({ invalid: 'no #Fields directive before the line' })
  expect(parse('#Software: Microsoft Internet Information Services 8.5')).toBe(DIRECTIVE)
  expect(
    parse('#Fields: date time c-ip cs-method cs-uri-stem cs-uri-query cs(User-Agent) cs(Referer) sc-status'),
  ).toBe(DIRECTIVE)
  expect(
    parse('2015-01-13 22:29:45 183.60.244.30 GET / c=4e5e Mozilla/5.0+(Macintosh) http://example.com/a 200'),
  ).toEqual({
    ip: '183.60.244.30',
    ts: Date.UTC(2015, 0, 13, 22, 29, 45),
    method: 'GET',
    uri: '/?c=4e5e',
    host: undefined,
    status: 200,
    referrer: 'http://example.com/a',
    userAgent: 'Mozilla/5.0 (Macintosh)',
  })
  expect(parse('2015-01-13 22:29:45 1.2.3.4 GET /a - - - 404')).toMatchObject({
    uri: '/a',
    referrer: undefined,
    userAgent: '',
    status: 404,
  })
  expect(parse('2015-01-13 22:29:45 1.2.3.4 GET /a - -')).toEqual({
    invalid: '7 values for the 9 fields of #Fields',
  })
  expect(parse('2015-13-45 22:29:45 1.2.3.4 GET /a - - - 200')).toEqual({
    invalid: 'bad time 2015-13-45 22:29:45',
  })
  // A restart may log other fields: the new directive applies from there on (here with the host).
  parse('#Fields: date time cs-host c-ip cs-method cs-uri-stem sc-status')
  expect(parse('2015-01-14 01:00:00 example.org 1.2.3.4 GET /x 200')).toMatchObject({
    host: 'example.org',
    uri: '/x',
  })
  // Tab-separated, as CloudFront writes it.
  expect(parse('2015-01-14\t01:00:01\texample.org\t1.2.3.4\tGET\t/y\t200')).toMatchObject({
    uri: '/y',
    status: 200,
  })
  parse('#Fields: date time cs-method cs-uri-stem sc-status')
  expect(parse('2015-01-14 01:00:00 GET /x 200')).toEqual({ invalid: '#Fields has no c-ip' })
})
