// How a reminder offset reads in the current language ("提前1天", "2 hours before", "到期时").
import type { TFunction } from 'i18next';
import { describeOffset } from '../../../shared/deadlines/offsets';

export function offsetText(t: TFunction, offsetMin: number): string {
  const parts = describeOffset(offsetMin);
  if (parts.kind === 'at') return t('deadlineSettings.offsets.at');
  return t(`deadlineSettings.offsets.${parts.kind}.${parts.unit}`, { count: parts.amount });
}
