import type { Mirror } from '../mirror';
import type { zhBackup } from '../zh/backup';

export const enBackup = {} satisfies Mirror<typeof zhBackup>;
