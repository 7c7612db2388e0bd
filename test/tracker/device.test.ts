// Device type detection of the browser tracker, from real user-agent strings.
import { describe, expect, test } from 'bun:test'
import { detectDevice } from '../../src/tracker/client/device'

const UA = {
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  androidPhone:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  androidTablet:
    'Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  ipadOld:
    'Mozilla/5.0 (iPad; CPU OS 12_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1 Mobile/15E148 Safari/604.1',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
}

describe('detectDevice', () => {
  test('desktops, phones and tablets', () => {
    expect(detectDevice(UA.chromeWindows, 0)).toBe('desktop')
    expect(detectDevice(UA.safariMac, 0)).toBe('desktop')
    expect(detectDevice(UA.firefoxLinux, 0)).toBe('desktop')
    expect(detectDevice(UA.iphone, 5)).toBe('mobile')
    expect(detectDevice(UA.androidPhone, 5)).toBe('mobile')
    expect(detectDevice(UA.androidTablet, 10)).toBe('tablet')
    expect(detectDevice(UA.ipadOld, 5)).toBe('tablet')
  })

  test('an iPad that claims to be a Mac is told apart by its touch points', () => {
    expect(detectDevice(UA.safariMac, 5)).toBe('tablet')
  })
})
