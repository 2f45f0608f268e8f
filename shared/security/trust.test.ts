import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isAppResource, isSafeExternalUrl, isTrustedRendererUrl } from './trust';

const FILE_ENTRY = 'file:///opt/LiuZheng/resources/app.asar/out/renderer/index.html';
const DEV_ENTRY = 'http://localhost:5173/';

describe('isTrustedRendererUrl', () => {
  it.each([
    [FILE_ENTRY, true],
    [`${FILE_ENTRY}#/case/1`, true],
    [`${FILE_ENTRY}?x=1`, true],
    ['file:///opt/LiuZheng/resources/app.asar/out/renderer/other.html', false],
    ['file:///etc/passwd', false],
    ['file://evil-host/opt/LiuZheng/resources/app.asar/out/renderer/index.html', false],
    ['http://localhost:5173/', false],
    ['data:text/html,<script>1</script>', false],
    ['about:blank', false],
    ['', false],
    [null, false],
    ['not a url', false],
  ])('file entry: %s → %s', (url, ok) => expect(isTrustedRendererUrl(url, FILE_ENTRY)).toBe(ok));

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/index.html', true],
    ['http://localhost:5174/', false],
    ['http://localhost.evil.com:5173/', false],
    ['http://user:pw@localhost:5173/', false],
    ['https://localhost:5173/', false],
    ['ws://localhost:5173/', false],
  ])('dev entry: %s → %s', (url, ok) => expect(isTrustedRendererUrl(url, DEV_ENTRY)).toBe(ok));
});

describe('isAllowedNavigation', () => {
  it.each([
    [FILE_ENTRY, true],
    ['https://www.taobao.com/', false],
    ['javascript:alert(1)', false],
    ['file:///opt/LiuZheng/resources/app.asar/out/renderer/../../../../etc/passwd', false],
  ])('%s → %s', (url, ok) => expect(isAllowedNavigation(url, FILE_ENTRY)).toBe(ok));
});

describe('isAppResource', () => {
  it.each([
    ['file:///opt/LiuZheng/resources/app.asar/out/renderer/assets/index-abc.js', true],
    ['file:///opt/LiuZheng/resources/app.asar/out/renderer/assets/../index.html', true],
    ['file:///opt/LiuZheng/resources/app.asar/out/renderer/%2e%2e/main/index.js', false],
    ['file:///home/user/.ssh/id_rsa', false],
    ['blob:file:///1234', true],
    ['https://cdn.example.com/x.js', false],
    ['http://localhost:5173/src/main.tsx', false],
  ])('file entry: %s → %s', (url, ok) => expect(isAppResource(url, FILE_ENTRY)).toBe(ok));

  it.each([
    ['http://localhost:5173/src/main.tsx', true],
    ['ws://localhost:5173/', true],
    ['http://127.0.0.1:5173/', false],
    ['https://fonts.googleapis.com/css', false],
  ])('dev entry: %s → %s', (url, ok) => expect(isAppResource(url, DEV_ENTRY)).toBe(ok));
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://www.12315.cn/', true],
    ['http://www.12315.cn/', false],
    ['https://user:pw@www.12315.cn/', false],
    ['https://127.0.0.1/', false],
    ['https://[::1]/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['https://localhost/', false],
  ])('%s → %s', (url, ok) => expect(isSafeExternalUrl(url)).toBe(ok));
});
