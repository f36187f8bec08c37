import { afterEach, describe, expect, it } from 'vitest'
import type { ScanForm } from '../bindings'
import { blankFields } from '../kinds'
import { cleanUp, mountInApp, screenText, testId } from '../testing/mount'
import ScannedCertificate from './ScannedCertificate.vue'

let unmount: (() => void) | null = null
afterEach(() => {
  unmount?.()
  unmount = null
})

const NOTICE = '《关于做好2026年专业技术人员继续教育有关工作的通知》'

/** A photo of a certificate as the app read it: one field, and three QR codes — a link to a listed
 * base's platform, a link to another site, and a number that is no link — each as the app checked it. */
const photo: ScanForm = {
  fields: { ...blankFields('training', '2024-05-14'), note: '证书编号：HN-2024-0001' },
  sources: [{ field: 'note', sure: 0.98, line: 0 }],
  lines: [{ text: '证书编号：HN-2024-0001', page: 0, bbox: [0.1, 0.8, 0.5, 0.85] }],
  qr: [
    {
      text: 'https://sypx.csu.edu.cn/verify?no=HN-2024-0001',
      link: {
        host: 'sypx.csu.edu.cn',
        platform: { base: '中南大学', host: 'sypx.csu.edu.cn', set: 'hunan-2026', notice: NOTICE },
        list: NOTICE,
      },
      note: `证书上的二维码指向 sypx.csu.edu.cn，是中南大学的网络平台（${NOTICE}所列国家级专业技术人员继续教育基地）`,
    },
    {
      text: 'https://cert.example.org/v/1',
      link: { host: 'cert.example.org', platform: null, list: NOTICE },
      note: `证书上的二维码指向 cert.example.org，不在${NOTICE}所列国家级专业技术人员继续教育基地的网络平台之中；其他单位颁发的证书带有各自的网址，这很常见`,
    },
    { text: 'HN-2024-0001', link: null, note: null },
  ],
  notes: ['这些内容是从照片或扫描件中识别出来的，可能认错个别字：保存前请逐项对照证书核对'],
}

function show(scanned: ScanForm) {
  const { wrapper } = mountInApp(ScannedCertificate, { scanned, kind: 'training' })
  unmount = () => cleanUp(wrapper)
}

function qrRows(): string[] {
  return [...document.querySelectorAll('[data-test="scanned-qr"]')].map((row) => screenText(row))
}

describe('the certificate read from a photo', () => {
  it('shows each QR code’s text with the app’s check of its link', () => {
    show(photo)
    const rows = qrRows()
    expect(rows).toHaveLength(3)
    expect(rows[0]).toContain('二维码：https://sypx.csu.edu.cn/verify?no=HN-2024-0001')
    expect(rows[0]).toContain('所列基地平台：中南大学')
    expect(rows[0]).toContain('是中南大学的网络平台')
    expect(rows[1]).toContain('其他网址')
    expect(rows[1]).toContain('其他单位颁发的证书带有各自的网址')
    expect(rows[2]).toBe('二维码：HN-2024-0001')
  })

  it('never makes a QR code a link the user could open', () => {
    show(photo)
    expect(document.querySelectorAll('a')).toHaveLength(0)
    expect(document.querySelectorAll('[href]')).toHaveLength(0)
  })

  it('says a QR note once, beside its code, not among the things to check', () => {
    show(photo)
    const notes = [...document.querySelectorAll('[data-test="scanned-note"]')].map((n) => screenText(n))
    expect(notes).toEqual(['这些内容是从照片或扫描件中识别出来的，可能认错个别字：保存前请逐项对照证书核对'])
    expect(screenText(testId('scanned')).split('是中南大学的网络平台')).toHaveLength(2)
  })

  it('shows no QR section for a certificate without codes', () => {
    show({ ...photo, qr: [] })
    expect(qrRows()).toEqual([])
    expect(screenText(testId('scanned'))).not.toContain('二维码')
  })
})
