import type { Mirror } from '../mirror';
import type { zhIntegrity } from '../zh/integrity';

export const enIntegrity = {} satisfies Mirror<typeof zhIntegrity>;
