import type { Mirror } from '../mirror';
import type { zhDeadlineSettings } from '../zh/deadlineSettings';

export const enDeadlineSettings = {} satisfies Mirror<typeof zhDeadlineSettings>;
