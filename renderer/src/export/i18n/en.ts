import type { Mirror } from '../../i18n/mirror';
import type { zhRedaction } from './zh';

export const enRedaction = {
  summary: '{{count}} areas will be masked ({{images}} images)',
  summaryNone: 'Nothing found to mask yet; you can draw areas yourself',
  pending: 'Text recognition is still running on {{count}} images; phone numbers and the like appear when it finishes',
  edit: 'Review and draw masked areas',
  title: 'Mask personal information',
  hint: 'Drag on an image to draw an area to mask. Untick any phone, ID-card, address or name area found automatically. Masks are burned into the exported copy’s pixels; the original stays unchanged.',
  exhibit: 'Exhibit {{no}} · {{title}}',
  count: '{{count}} masked',
  auto: 'Found automatically',
  drawn: 'Drawn by you',
  hintShort: 'Drag on the image to draw one',
  drawnItem: 'Area {{no}}',
  remove: 'Delete',
  noAuto: 'No personal information found',
  noOcr: 'Text recognition not finished',
  loading: 'Loading image…',
  noImages: 'This case has no image evidence; nothing to mask.',
  done: 'Done, back to export',
  kind: {
    phone: 'Phone',
    'id-card': 'ID card',
    address: 'Address',
    name: 'Name',
  },
} satisfies Mirror<typeof zhRedaction>;
