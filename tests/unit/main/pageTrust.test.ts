import { describe, expect, it } from 'vitest';
import { answerPageRequest, isAllowedPageRequest, isInsideRenderRoot } from '../../../shared/security/pageTrust';

const document = 'file:///tmp/lz-render-ab12/page.html';
const resourceDir = 'file:///tmp/lz-render-ab12/page_files/';

describe('isAllowedPageRequest: a saved page loads only its own copy and folder', () => {
  it.each([
    [document, true],
    ['file:///tmp/lz-render-ab12/page.html#top', true],
    ['file:///tmp/lz-render-ab12/page_files/style.css', true],
    ['file:///tmp/lz-render-ab12/page_files/img/%E5%9B%BE.png', true],
  ])('allows %s', (url, want) => expect(isAllowedPageRequest(url, { document, resourceDir })).toBe(want));

  it.each([
    // The network, whatever the scheme or address.
    'https://shop.kameng.example/refund-policy',
    'http://127.0.0.1:8080/x.png',
    'http://[::1]/x',
    'ws://shop.example/socket',
    'wss://shop.example/socket',
    'ftp://shop.example/x',
    '//shop.example/x.png',
    // Other local files: siblings, parents, look-alike folders, traversal in every spelling.
    'file:///etc/passwd',
    'file:///tmp/lz-render-ab12/other.html',
    'file:///tmp/lz-render-ab12/page_files',
    'file:///tmp/lz-render-ab12/page_files_evil/x.css',
    'file:///tmp/lz-render-ab12/page_files/%2e%2e/%2e%2e/secret',
    'file:///tmp/lz-render-ab12/page_files/..%2f..%2fsecret',
    'file:///tmp/lz-render-ab12/page_files/..%5c..%5csecret',
    'file:///tmp/lz-render-ab12/page_files/a%00.png',
    'file:///tmp/lz-render-ab12/page_files/%ZZ',
    // A file: URL on another host is an SMB share on Windows: the network again.
    'file://attacker.example/tmp/lz-render-ab12/page.html',
    'file://user:pw@/tmp/lz-render-ab12/page.html',
    // Schemes that are not files at all.
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://app.liuzheng.test/1234',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'filesystem:file:///tmp/x',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isAllowedPageRequest(url, { document, resourceDir })).toBe(false));

  it('refuses the resource folder when the page has none, and a folder scope that is the root', () => {
    expect(isAllowedPageRequest('file:///tmp/lz-render-ab12/page_files/style.css', { document })).toBe(false);
    expect(isAllowedPageRequest('file:///etc/passwd', { document, resourceDir: 'file:///' })).toBe(false);
    expect(isAllowedPageRequest('file:///etc/passwd', { document, resourceDir: 'file:///etc' })).toBe(false);
  });

  it('refuses everything when the scope itself is not a local file', () => {
    expect(isAllowedPageRequest('https://x.example/', { document: 'https://x.example/' })).toBe(false);
    expect(isAllowedPageRequest('file://host/a', { document: 'file://host/a' })).toBe(false);
  });
});

describe('isInsideRenderRoot: the render session loads files in its own folder only', () => {
  const root = 'file:///tmp/liuzheng-open/render/';
  it.each([
    ['file:///tmp/liuzheng-open/render/lz-render-1/page.mhtml', true],
    ['file:///tmp/liuzheng-open/render/lz-render-1/page_files/a.css', true],
    ['file:///tmp/liuzheng-open/render', false],
    ['file:///tmp/liuzheng-open/render-evil/x', false],
    ['file:///tmp/liuzheng-open/vault/blobs/ab/x', false],
    ['file:///tmp/liuzheng-open/render/%2e%2e/vault', false],
    ['https://shop.kameng.example/', false],
    ['file://attacker/tmp/liuzheng-open/render/x', false],
  ])('%s → %s', (url, want) => expect(isInsideRenderRoot(url, root)).toBe(want));
});

describe('answerPageRequest: the tab never leaves the saved page', () => {
  const scope = { document, resourceDir };
  const doc = (url: string, isMainFrame = true) => ({ url, resourceType: 'Document', isMainFrame });
  it.each([
    ['the copy, first load', doc(document), false, 'continue'],
    ['the copy again (meta refresh without a URL, a reload)', doc(document), true, 'stay'],
    ['a meta refresh to the shop', doc('https://shop.kameng.example/refresh'), true, 'stay'],
    ['a main-frame load elsewhere before the copy loaded', doc('https://shop.kameng.example/'), false, 'stay'],
    ['a local file as the main frame', doc('file:///etc/passwd'), true, 'stay'],
    ['a saved frame from the _files folder', doc(`${resourceDir}frame.html`, false), true, 'continue'],
    ['a frame online', doc('https://ads.example/frame', false), true, 'stay'],
    ['a stylesheet in the folder', { url: `${resourceDir}a.css`, resourceType: 'Stylesheet', isMainFrame: true }, true, 'continue'],
    ['an image online', { url: 'https://t.example/p.gif', resourceType: 'Image', isMainFrame: true }, true, 'refuse'],
    ['an image from elsewhere on disk', { url: 'file:///etc/passwd', resourceType: 'Image', isMainFrame: false }, false, 'refuse'],
  ] as const)('%s → %s', (_name, req, loaded, want) => expect(answerPageRequest(req, scope, loaded)).toBe(want));
});
