import { describe, expect, it } from 'vitest';
import { checkCaptureUrl, isPrivateAddress } from './urlPolicy';

const APP = 'https://app.liuzheng.test';

describe('checkCaptureUrl', () => {
  it.each([
    ['https://shop.kameng.example/refund-policy', 'https://shop.kameng.example/refund-policy'],
    ['http://www.example.cn/用户协议', 'http://www.example.cn/%E7%94%A8%E6%88%B7%E5%8D%8F%E8%AE%AE'],
    ['shop.example.com/rules', 'https://shop.example.com/rules'],
    ['  https://8.8.8.8/x  ', 'https://8.8.8.8/x'],
  ])('allows %s', (raw, url) => expect(checkCaptureUrl(raw, { appOrigin: APP })).toEqual({ ok: true, url }));

  it.each([
    '',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://shop.example/x',
    'chrome://settings',
    'blob:https://shop.example/1',
    'https://app.liuzheng.test/index.html',
    'https://user:pw@shop.example/',
    'http://localhost:8080/',
    'http://LOCALHOST./',
    'http://printer.local/',
    'http://router.lan/',
    'http://intranet/',
    'http://127.0.0.1/',
    'http://127.1/',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://017700000001/',
    'http://0.0.0.0/',
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://[::]/',
    'http://224.0.0.1/',
    'https:///nohost',
    'not a url at all',
  ])('refuses %j', (raw) => expect(checkCaptureUrl(raw, { appOrigin: APP }).ok).toBe(false));

  it('lets a test allow its own loopback server, and nothing else', () => {
    expect(checkCaptureUrl('http://127.0.0.1:4567/p', { allowHosts: ['127.0.0.1:4567'] }).ok).toBe(true);
    expect(checkCaptureUrl('http://127.0.0.1:4568/p', { allowHosts: ['127.0.0.1:4567'] }).ok).toBe(false);
    expect(checkCaptureUrl('https://shop.example/', { allowHosts: ['127.0.0.1:4567'], onlyHosts: ['127.0.0.1:4567'] }).ok).toBe(false);
  });
});

describe('isPrivateAddress (the IP the browser actually connected to)', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.0.0.8', true],
    ['::1', true],
    ['::ffff:7f00:1', true],
    ['203.0.113.9', false],
    ['8.8.8.8', false],
    ['2001:4860:4860::8888', false],
  ])('%s → %s', (ip, want) => expect(isPrivateAddress(ip)).toBe(want));
});
