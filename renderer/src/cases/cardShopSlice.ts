// The card-shop order record of the open case. Its secrets (查询密码, 卡密) are sealed by main before
// they are stored and opened by main only when the buyer presses 显示; the rest is plain text kept in
// the case's details row beside the export form's parties.
import { createSerial } from '../../../shared/async/serial';
import { SECRET_FIELDS, cardShopRecordOf } from '../../../shared/cardshop/record';
import type { CardShopField, CardShopRecord, SecretField } from '../../../shared/cardshop/record';
import { cardShopFromExtraction, mergeFound } from '../../../shared/cardshop/fromOcr';
import { toCaseInput } from '../../../shared/domain/caseForm';
import { caseDetailsOf } from '../../../shared/portable/mapping';
import type { AppError } from '../../../shared/ipc/result';
import type { Slice } from '../store/types';

type PlainPatch = Partial<Pick<CardShopRecord, 'domain' | 'contact' | 'paymentTxn' | 'ticketUrl' | 'showSecrets'>>;

export interface CardShopSlice {
  cardShop: { caseId: string; record: CardShopRecord } | null;
  cardShopError: AppError | null;
  loadCardShop: (caseId: string) => Promise<void>;
  saveCardShop: (caseId: string, patch: PlainPatch) => Promise<void>;
  /** Seals and stores `text` ('' clears the secret). */
  setCardShopSecret: (caseId: string, field: SecretField, text: string) => Promise<boolean>;
  /** Asks main to open a stored secret; null when there is none or it cannot be opened here. */
  revealCardShopSecret: (field: SecretField) => Promise<string | null>;
  /** Fills the empty fields from what OCR read on the case's screenshots; returns the fields filled. */
  fillCardShopFromEvidence: (caseId: string) => Promise<CardShopField[]>;
}

const SEALED_KEY = { queryPassword: 'queryPasswordSealed', cardCode: 'cardCodeSealed' } as const satisfies Record<SecretField, keyof CardShopRecord>;

export const cardShopSlice: Slice<CardShopSlice> = (deps) => (set, get) => {
  async function store(caseId: string, record: CardShopRecord): Promise<void> {
    const c = get().cases.find((x) => x.id === caseId);
    const details = (await deps.portable.details(caseId)) ?? caseDetailsOf({ caseId, respondent: { name: c?.shop ?? '' } });
    await deps.portable.saveDetails({ ...details, cardShop: record });
    set({ cardShop: { caseId, record }, cardShopError: null });
  }
  const current = (caseId: string): CardShopRecord => {
    const s = get().cardShop;
    return s?.caseId === caseId ? s.record : cardShopRecordOf(null);
  };
  // Edits run one after another, each on the record the one before left. Two started together (Enter
  // in one field, then its blur as the buyer moves on) would otherwise both begin from the same old
  // record, and the one finishing last would drop the other's change.
  const serial = createSerial();
  async function seal(text: string): Promise<string | null> {
    const res = await deps.api.sealSecret({ text });
    if (res.ok) return res.value.sealed;
    set({ cardShopError: res.error });
    return null;
  }

  return {
    cardShop: null,
    cardShopError: null,

    async loadCardShop(caseId) {
      const details = await deps.portable.details(caseId);
      set({ cardShop: { caseId, record: cardShopRecordOf(details?.cardShop) }, cardShopError: null });
    },

    async saveCardShop(caseId, patch) {
      await serial(() => store(caseId, { ...current(caseId), ...patch }));
    },

    async setCardShopSecret(caseId, field, text) {
      const sealed = text === '' ? '' : await seal(text);
      if (sealed === null) return false;
      await serial(() => store(caseId, { ...current(caseId), [SEALED_KEY[field]]: sealed }));
      return true;
    },

    async revealCardShopSecret(field) {
      const sealed = get().cardShop?.record[SEALED_KEY[field]] ?? '';
      if (sealed === '') return null;
      const res = await deps.api.revealSecret({ sealed });
      if (res.ok) return res.value.text;
      set({ cardShopError: res.error });
      return null;
    },

    async fillCardShopFromEvidence(caseId) {
      const c = get().cases.find((x) => x.id === caseId);
      if (!c) return [];
      // From the database, not the open view: the fields of every screenshot of the case, oldest capture first.
      const [evidence, rows] = await Promise.all([deps.repo.listEvidence(caseId), deps.extractions.forCase(caseId)]);
      const byId = new Map(rows.map((r) => [r.evidenceId, r]));
      const byCapture = [...evidence].sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
      const found = mergeFound(byCapture.flatMap((e) => {
        const x = byId.get(e.id);
        return x && x.source === 'ocr' ? [cardShopFromExtraction(x.extraction)] : [];
      }));
      const filled = await serial(async () => {
        const record = { ...current(caseId) };
        const done: CardShopField[] = [];
        for (const key of ['domain', 'contact', 'paymentTxn', 'ticketUrl'] as const) {
          const v = found[key];
          if (v !== undefined && record[key].trim() === '') {
            record[key] = v;
            done.push(key);
          }
        }
        for (const field of SECRET_FIELDS) {
          const v = found[field];
          if (v === undefined || record[SEALED_KEY[field]] !== '') continue;
          const sealed = await seal(v);
          if (sealed === null) return null;
          record[SEALED_KEY[field]] = sealed;
          done.push(field);
        }
        if (done.length > 0) await store(caseId, record);
        return done;
      });
      if (filled === null) return [];
      if (found.orderNumber !== undefined && c.orderNumber === '') {
        await get().saveCase({ ...toCaseInput(c), orderNumber: found.orderNumber }, caseId);
        filled.push('orderNumber');
      }
      return filled;
    },
  };
};
