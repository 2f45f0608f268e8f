// Card-shop secrets at rest and in the bundle: sealed by main's box (a real AES-GCM key file here,
// the OS keychain in the app), masked in the letter unless the buyer chose to show them, checked
// with poppler's pdftotext as a reviewer would read the PDF.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundleService } from '../../../electron/main/bundle';
import { createBundleHandlers } from '../../../electron/main/bundle/handlers';
import { createRedactionSource } from '../../../electron/main/bundle/redactions';
import { SecretError, fileKeyBox, safeStorageBox } from '../../../electron/main/secrets/box';
import type { SafeStorageLike } from '../../../electron/main/secrets/box';
import { createCardShopHandlers } from '../../../electron/main/secrets/handlers';
import { SECRET_MASK } from '../../../shared/cardshop/record';
import type { BundleInput } from '../../../shared/bundle/types';
import { makeFixture, sourceFiles } from '../bundle/support';
import type { BundleFixture } from '../bundle/support';
import { text } from '../bundle/pdf';

const CARD = 'K7M2-Q9X4-ZP3L-8WRT';
const PASSWORD = 'lookup-Pw-5531';

describe('secret boxes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-secrets-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('the file-key box round-trips, never holds the text in the clear, and keeps its key private', async () => {
    const box = fileKeyBox(path.join(dir, 'a'));
    const sealed = await box.seal(CARD);
    expect(sealed.startsWith('fk1:')).toBe(true);
    expect(sealed).not.toContain(CARD);
    expect(await box.seal(CARD)).not.toBe(sealed);
    expect(await box.open(sealed)).toBe(CARD);
    // A second box over the same folder (the next app start) reads the same key.
    expect(await fileKeyBox(path.join(dir, 'a')).open(sealed)).toBe(CARD);
    if (process.platform !== 'win32') expect((await stat(path.join(dir, 'a', 'secret.key'))).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['another computer’s key', async (s: string) => fileKeyBox(path.join(dir, 'b')).open(s)],
    ['a flipped byte', async (s: string) => fileKeyBox(path.join(dir, 'a')).open(`fk1:${Buffer.from(Buffer.from(s.slice(4), 'base64').map((b, i) => (i === 20 ? b ^ 1 : b))).toString('base64')}`)],
    ['a truncated value', async (s: string) => fileKeyBox(path.join(dir, 'a')).open(s.slice(0, 12))],
    ['a keychain value', async () => fileKeyBox(path.join(dir, 'a')).open('ss1:AAAA')],
  ])('refuses %s with a plain message', async (_name, open) => {
    const sealed = await fileKeyBox(path.join(dir, 'a')).seal(PASSWORD);
    const err = await open(sealed).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SecretError);
    expect(err instanceof Error && err.message).toContain('无法在本机解密');
  });

  it('a key file of the wrong size is reported, not overwritten', async () => {
    const bad = path.join(dir, 'c');
    await fileKeyBox(bad).seal('x');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(bad, 'secret.key'), 'short');
    await expect(fileKeyBox(bad).seal('x')).rejects.toThrow(/not a 32-byte key/);
    expect(await readFile(path.join(bad, 'secret.key'), 'utf8')).toBe('short');
  });

  it('the keychain box goes through safeStorage and refuses a file-key value', async () => {
    // A stand-in for Electron's safeStorage (unavailable outside Electron): the port's contract only.
    const fake: SafeStorageLike = {
      isEncryptionAvailable: () => true,
      encryptString: (s) => Buffer.from([...Buffer.from(s, 'utf8')].map((b) => b ^ 0x5a)),
      decryptString: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString('utf8'),
    };
    const box = safeStorageBox(fake);
    const sealed = await box.seal(CARD);
    expect(sealed.startsWith('ss1:')).toBe(true);
    expect(await box.open(sealed)).toBe(CARD);
    await expect(box.open('fk1:AAAA')).rejects.toBeInstanceOf(SecretError);
  });
});

describe('card-shop secrets in the exported PDF', () => {
  let fx: BundleFixture;
  let handlers: ReturnType<typeof createBundleHandlers>;
  let sealed: { queryPassword: string; cardCode: string };
  const saves: string[] = [];

  beforeAll(async () => {
    const [order] = await sourceFiles();
    if (!order) throw new Error('no order screenshot');
    fx = await makeFixture([order]);
    const box = fileKeyBox(path.join(fx.root, 'data'));
    const seal = createCardShopHandlers(box)['cardShop:seal'];
    sealed = { queryPassword: (await seal({ text: PASSWORD })).sealed, cardCode: (await seal({ text: CARD })).sealed };
    handlers = createBundleHandlers(createBundleService({ vaultDir: fx.vaultDir }), { chooseSavePath: async () => saves.shift() ?? null, chooseFolder: async () => null }, createRedactionSource(fx.vaultDir), box);
  }, 60_000);
  afterAll(() => fx.cleanup());

  const input = (): BundleInput => ({
    ...fx.input,
    case: { ...fx.input.case, platform: 'kameng', statement: '2026年11月15日在发卡网购买XX游戏点卡，卡密提示已被使用，要求全额退款149.90元。' },
    // Whatever the renderer puts in the secret print fields is ignored: only the sealed copies count.
    cardShop: { domain: 'ka.example.com', orderNumber: 'T20261115203140123', contact: 'buyer@example.com', queryPassword: 'ignored', cardCode: 'ignored', paymentTxn: '2026111522001412345678901234', ticketUrl: 'https://ka.example.com/complaint' },
  });

  it.each(['platform', '12315'] as const)('masks the 卡密 and the 查询密码 in a %s letter unless the buyer shows them', async (target) => {
    const hidden = path.join(fx.root, `hidden-${target}.pdf`);
    saves.push(hidden);
    await handlers['bundle:export']({ input: { ...input(), target }, maxBytes: null, redact: false, format: 'pdf', cardShopSecrets: { ...sealed, show: false } });
    const masked = await text(hidden);
    for (const word of ['发卡网订单记录', 'ka.example.com', 'buyer@example.com', '2026111522001412345678901234', SECRET_MASK]) expect(masked).toContain(word);
    for (const secret of [CARD, PASSWORD, 'ignored', 'K7M2', 'lookup-Pw']) expect(masked).not.toContain(secret);

    const shown = path.join(fx.root, `shown-${target}.pdf`);
    saves.push(shown);
    await handlers['bundle:export']({ input: { ...input(), target }, maxBytes: null, redact: false, format: 'pdf', cardShopSecrets: { ...sealed, show: true } });
    const plain = await text(shown);
    expect(plain).toContain(CARD);
    expect(plain).toContain(PASSWORD);
  }, 60_000);

  it('prints nothing for a secret never recorded, and no record at all without card-shop fields', async () => {
    const file = path.join(fx.root, 'none.pdf');
    saves.push(file);
    await handlers['bundle:export']({ input: input(), maxBytes: null, redact: false, format: 'pdf', cardShopSecrets: { queryPassword: '', cardCode: '', show: true } });
    const out = await text(file);
    expect(out).not.toContain(SECRET_MASK);
    expect(out).not.toContain('ignored');
  }, 60_000);
});
