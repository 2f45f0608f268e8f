import type { Mirror } from '../../i18n/mirror';
import type { zhCardShop } from './zh.cardShop';

export const enCardShop = {
  title: 'Card-shop order record',
  intro: 'Card shops often vanish: note these while the shop still opens. The lookup password and the card code are stored encrypted and hidden.',
  fields: {
    domain: 'Shop domain',
    orderNumber: 'Order number',
    contact: 'E-mail or phone used',
    queryPassword: 'Lookup password',
    cardCode: 'Card code (卡密)',
    paymentTxn: 'Payment transaction no.',
    ticketUrl: 'Complaint / ticket page',
  },
  missing: 'Still missing: {{fields}}',
  complete: 'All seven are recorded.',
  orderFromCase: 'The order number is the case’s own',
  saved: 'Saved, encrypted',
  notSaved: 'Not recorded',
  show: 'Show',
  hide: 'Hide',
  change: 'Change',
  clear: 'Clear',
  save: 'Save',
  cancel: 'Cancel',
  secretPlaceholder: 'Stored encrypted once saved',
  fromOcr: 'Fill from screenshots',
  filled: 'Filled from screenshots: {{fields}}',
  nothingFound: 'The screenshots show nothing that is not filled in yet.',
  showInBundle: 'Show the lookup password and card code in the bundle (hidden as ●●●●●● by default)',
} satisfies Mirror<typeof zhCardShop>;
