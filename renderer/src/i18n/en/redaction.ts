import type { Mirror } from '../mirror';
import type { zhRedaction } from '../zh/redaction';

export const enRedaction = {} satisfies Mirror<typeof zhRedaction>;
