import { describe, expect, it } from 'vitest';
import { POLICY_DATE, POLICY_TITLE, POLICY_URL, gbk, mhtml, policyHtml } from '../../support/pages';
import { decodeBase64, decodeEncodedWords, decodeQuotedPrintable } from '../../../shared/webpage/mime';
import { htmlToText } from '../../../shared/webpage/html';
import { PageReadError, parseMailDate, readSavedPage, sniffPage } from '../../../shared/webpage/read';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('MIME decoding', () => {
  it.each([
    ['=E9=80=80=E6=AC=BE', '退款'],
    ['a=\r\nb', 'ab'],
    ['a=\nb', 'ab'],
    ['x=3Dy', 'x=y'],
    ['bad =ZZ and =', 'bad =ZZ and ='],
  ])('quoted-printable %j', (qp, want) => expect(new TextDecoder().decode(decodeQuotedPrintable(qp))).toBe(want));

  it('base64 skips line breaks and keeps a cut-off tail', () => {
    expect(new TextDecoder().decode(decodeBase64('6YCA\r\n5qy+'))).toBe('退款');
    expect(decodeBase64('QUJD').length).toBe(3);
    expect(decodeBase64('QUJDR').length).toBe(3);
  });

  it.each([
    ['=?utf-8?Q?=E9=80=80=E6=AC=BE?=', '退款'],
    ['=?UTF-8?B?6YCA5qy+?= =?UTF-8?B?6KeE5YiZ?=', '退款规则'],
    ['plain title', 'plain title'],
    ['=?gbk?B?zcu/7g==?=', '退款'],
  ])('encoded words %j', (raw, want) => expect(decodeEncodedWords(raw)).toBe(want));
});

describe('parseMailDate', () => {
  it.each([
    [POLICY_DATE, Date.UTC(2026, 11, 4, 8, 5, 9)],
    ['4 Dec 2026 08:05:09 GMT', Date.UTC(2026, 11, 4, 8, 5, 9)],
    ['Fri, 04 Dec 2026 03:05 -0500', Date.UTC(2026, 11, 4, 8, 5, 0)],
    ['Mon, 31 Feb 2026 10:00:00 +0000', null],
    ['yesterday', null],
    ['', null],
  ])('%j', (raw, want) => expect(parseMailDate(raw)).toBe(want));
});

describe('htmlToText', () => {
  it('keeps what a reader sees, one block per line', () => {
    const { text } = htmlToText(policyHtml());
    expect(text.split('\n')).toEqual([
      '退款规则',
      '第一条 未激活的卡密支持全额退款，已激活未使用的扣除20%手续费。',
      '第二条 已使用的卡密不支持退款，卡密无效的除外。',
      '第三条 退款申请将在2个工作日内审核，审核通过后原路退回。',
      '第四条 如平台48小时内未处理，由平台先行赔付。',
      '客服QQ：800123456，订单号示例 20261115203107123456。',
      '星辰卡盟',
    ]);
  });

  it.each([
    ['<p>a&amp;b &lt;c&gt; &#36established;&#x4e2d;&yen;9&nbsp;元</p>', 'a&b <c> $established;中¥9 元'],
    ['<style>p{}</style><SCRIPT type=x>alert("<p>x</p>")</SCRIPT >ok', 'ok'],
    ['<div style="display: none">no</div><span aria-hidden="true">no</span>yes', 'yes'],
    ['<template><p>no</p></template><svg><text>no</text></svg>yes', 'yes'],
    ['<div hidden><div>no</div><p>no</p></div>yes', 'yes'],
    ['<pre>a\n  b</pre>', 'a\nb'],
    ['<p title="a>b">x</p>', 'x'],
    ['1 < 2 and <3', '1 < 2 and <3'],
    ['<!-- <p>no</p> -->yes<!-- unterminated', 'yes'],
    ['<table><tr><td>订单号</td><td>123</td></tr></table>', '订单号 123'],
  ])('%j', (html, want) => expect(htmlToText(html).text).toBe(want));

  it('stops at the bound and says so', () => {
    const out = htmlToText(`<p>${'字'.repeat(5000)}</p>`, 100);
    expect(out.truncated).toBe(true);
    expect(out.text.length).toBeGreaterThanOrEqual(98);
    expect(out.text.length).toBeLessThanOrEqual(100);
  });

  it('is linear on hostile markup', () => {
    const hostile = '<div hidden>'.repeat(100_000) + '<a title="'.repeat(50_000) + '<script>'.repeat(10_000) + '&amp;'.repeat(100_000);
    const t0 = performance.now();
    htmlToText(hostile);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe('readSavedPage', () => {
  it('reads a Chrome MHTML: URL, title, save time and text', () => {
    const page = readSavedPage(mhtml({ parts: [{ type: 'image/png', location: `${POLICY_URL}/logo.png`, bytes: new Uint8Array([1, 2, 3]) }] }), 'mhtml');
    expect(page.provenance).toEqual({ format: 'mhtml', url: POLICY_URL, title: POLICY_TITLE, savedAt: '2026-12-04T16:05:09', savedAtRaw: POLICY_DATE, resources: 1 });
    expect(page.text).toContain('退款申请将在2个工作日内审核');
    expect(page.text).not.toContain('脚本');
    expect(page.truncated).toBe(false);
  });

  it('reads base64 bodies and GBK pages named in the part header or only in the page', () => {
    const html = policyHtml({ charset: 'gbk', savedFrom: null });
    expect(readSavedPage(mhtml({ htmlBytes: gbk(html), charset: 'gbk', encoding: 'base64' }), 'mhtml').text).toContain('已使用的卡密不支持退款');
    expect(readSavedPage(mhtml({ htmlBytes: gbk(html), charset: null }), 'mhtml').text).toContain('先行赔付');
    expect(readSavedPage(gbk(policyHtml({ charset: 'gb2312' })), 'html').text).toContain('未激活的卡密');
  });

  it('takes the title from Subject when the page has none, and leaves an absent date null', () => {
    const page = readSavedPage(mhtml({ html: '<p>未激活可退款。</p>', date: null }), 'mhtml');
    expect(page.provenance.title).toBe(POLICY_TITLE);
    expect(page.provenance.savedAt).toBeNull();
  });

  it('reads an HTML save: the saved-from mark and the title', () => {
    const page = readSavedPage(utf8(policyHtml()), 'html', {}, 3);
    expect(page.provenance).toEqual({ format: 'html', url: POLICY_URL, title: POLICY_TITLE, savedAt: null, savedAtRaw: null, resources: 3 });
    expect(page.text).toContain('第四条');
  });

  it.each([
    ['truncated', mhtml({ truncate: true }), 'truncated'],
    ['no header', utf8('\r\n\r\nhello'), 'corrupt-file'],
    ['no boundary', utf8('MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\nx'), 'corrupt-file'],
    ['no html part', utf8('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n'), 'corrupt-file'],
    ['image/png only', utf8('MIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\nx'), 'corrupt-file'],
  ])('refuses a %s MHTML with a reason', (_name, bytes, code) => {
    expect(() => readSavedPage(bytes, 'mhtml')).toThrow(PageReadError);
    try {
      readSavedPage(bytes, 'mhtml');
    } catch (err) {
      expect((err as PageReadError).code).toBe(code);
      expect((err as Error).message.length).toBeGreaterThan(20);
    }
  });

  it('reads the first part of a huge file without demanding its end', () => {
    const page = readSavedPage(mhtml({ truncate: true }), 'mhtml', { complete: false });
    expect(page.truncated).toBe(true);
    expect(page.text).toContain('第一条');
  });

  it('refuses HTML that holds no markup', () => {
    expect(() => readSavedPage(utf8('just words'), 'html')).toThrow(/no HTML markup/);
  });
});

describe('sniffPage', () => {
  it.each([
    [mhtml(), 'mhtml'],
    [utf8(policyHtml()), 'html'],
    [utf8('\ufeff<!DOCTYPE html><p>x'), 'html'],
    [utf8('<HTML><body>x'), 'html'],
    [utf8('From: a\r\nSubject: b\r\n\r\nbody'), null],
    [utf8('2024-01-02 03:04:05 昵称(10001)\n你好'), null],
  ])('%#', (bytes, want) => expect(sniffPage(bytes)).toBe(want));
});
