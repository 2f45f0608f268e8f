import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECRET_MASK, missingCardShopFields, normalizeDomain } from '../../../shared/cardshop/record';
import type { CardShopField, CardShopRecord, SecretField } from '../../../shared/cardshop/record';
import type { CaseRecord } from '../../../shared/domain/case';
import { useApp } from '../app/StoreContext';

type PlainField = 'domain' | 'contact' | 'paymentTxn' | 'ticketUrl';

/** The 卡盟/发卡网 order record: what is kept, what is still missing, secrets masked until asked. */
export function CardShopPanel({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const load = useApp((s) => s.loadCardShop);
  const shop = useApp((s) => (s.cardShop?.caseId === record.id ? s.cardShop.record : null));
  const error = useApp((s) => s.cardShopError);
  const fill = useApp((s) => s.fillCardShopFromEvidence);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    void load(record.id);
  }, [record.id, load]);
  if (!shop) return null;

  const label = (f: CardShopField) => t(`cardShop.fields.${f}`);
  const missing = missingCardShopFields(shop, record.orderNumber);
  const runFill = async () => {
    const filled = await fill(record.id);
    setNote(filled.length > 0 ? t('cardShop.filled', { fields: filled.map(label).join('、') }) : t('cardShop.nothingFound'));
  };

  return (
    <section className="card-shop panel" aria-labelledby="card-shop-title" data-testid="card-shop-panel">
      <h3 id="card-shop-title">{t('cardShop.title')}</h3>
      <p className="muted small">{t('cardShop.intro')}</p>
      <p className={missing.length > 0 ? 'card-shop-missing warn' : 'card-shop-missing'} role="status" data-testid="card-shop-missing">
        {missing.length > 0 ? t('cardShop.missing', { fields: missing.map(label).join('、') }) : t('cardShop.complete')}
      </p>
      <dl className="card-shop-fields">
        <PlainRow caseId={record.id} field="domain" shop={shop} label={label('domain')} />
        <div className="card-shop-row" data-testid="card-shop-orderNumber">
          <dt>{label('orderNumber')}</dt>
          <dd>
            {record.orderNumber || <span className="muted">{t('cardShop.notSaved')}</span>}
            <span className="muted small"> · {t('cardShop.orderFromCase')}</span>
          </dd>
        </div>
        <PlainRow caseId={record.id} field="contact" shop={shop} label={label('contact')} />
        <SecretRow caseId={record.id} field="queryPassword" sealed={shop.queryPasswordSealed} label={label('queryPassword')} />
        <SecretRow caseId={record.id} field="cardCode" sealed={shop.cardCodeSealed} label={label('cardCode')} />
        <PlainRow caseId={record.id} field="paymentTxn" shop={shop} label={label('paymentTxn')} />
        <PlainRow caseId={record.id} field="ticketUrl" shop={shop} label={label('ticketUrl')} />
      </dl>
      <div className="form-actions">
        {note && <span className="muted small" data-testid="card-shop-note">{note}</span>}
        <button type="button" data-testid="card-shop-fill" onClick={() => void runFill()}>
          {t('cardShop.fromOcr')}
        </button>
      </div>
      {error && <p className="field-error" role="alert">{error.message}</p>}
    </section>
  );
}

function PlainRow({ caseId, field, shop, label }: { caseId: string; field: PlainField; shop: CardShopRecord; label: string }) {
  const save = useApp((s) => s.saveCardShop);
  const stored = shop[field];
  const [value, setValue] = useState(stored);
  // Follows this field's stored value only: another field's save landing must not wipe what the
  // buyer is typing here.
  useEffect(() => setValue(stored), [stored]);
  const commit = () => {
    const v = value.trim();
    // A pasted shop URL is kept as its host name: the domain is what identifies a shop that moves pages.
    const next = field === 'domain' ? normalizeDomain(v) || v : v;
    if (next !== shop[field]) void save(caseId, { [field]: next });
  };
  return (
    <div className="card-shop-row" data-testid={`card-shop-${field}`}>
      <dt>
        <label htmlFor={`card-shop-${field}-input`}>{label}</label>
      </dt>
      <dd>
        <input id={`card-shop-${field}-input`} value={value} onChange={(e) => setValue(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
      </dd>
    </div>
  );
}

function SecretRow({ caseId, field, sealed, label }: { caseId: string; field: SecretField; sealed: string; label: string }) {
  const { t } = useTranslation();
  const setSecret = useApp((s) => s.setCardShopSecret);
  const reveal = useApp((s) => s.revealCardShopSecret);
  const [shown, setShown] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  // A new sealed value hides whatever was shown for the old one.
  useEffect(() => setShown(null), [sealed]);
  const save = async () => {
    if (await setSecret(caseId, field, draft.trim())) {
      setEditing(false);
      setDraft('');
    }
  };
  return (
    <div className="card-shop-row" data-testid={`card-shop-${field}`}>
      <dt>
        <label htmlFor={`card-shop-${field}-input`}>{label}</label>
      </dt>
      <dd>
        {editing ? (
          <>
            <input id={`card-shop-${field}-input`} type="password" autoComplete="off" value={draft} placeholder={t('cardShop.secretPlaceholder')} onChange={(e) => setDraft(e.target.value)} />
            <button type="button" className="primary" onClick={() => void save()}>{t('cardShop.save')}</button>
            <button type="button" onClick={() => setEditing(false)}>{t('cardShop.cancel')}</button>
          </>
        ) : (
          <>
            <span className="secret-value" data-testid="secret-value">
              {sealed === '' ? <span className="muted">{t('cardShop.notSaved')}</span> : (shown ?? SECRET_MASK)}
            </span>
            {sealed !== '' && (
              <button type="button" aria-label={`${shown === null ? t('cardShop.show') : t('cardShop.hide')} ${label}`} onClick={() => void (shown === null ? reveal(field).then(setShown) : setShown(null))}>
                {shown === null ? t('cardShop.show') : t('cardShop.hide')}
              </button>
            )}
            <button type="button" aria-label={`${t('cardShop.change')} ${label}`} onClick={() => setEditing(true)}>{t('cardShop.change')}</button>
            {sealed !== '' && (
              <button type="button" aria-label={`${t('cardShop.clear')} ${label}`} onClick={() => void setSecret(caseId, field, '')}>{t('cardShop.clear')}</button>
            )}
          </>
        )}
      </dd>
    </div>
  );
}
