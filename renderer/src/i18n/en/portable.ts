import type { Mirror } from '../mirror';
import type { zhPortable } from '../zh/portable';

export const enPortable = {} satisfies Mirror<typeof zhPortable>;
