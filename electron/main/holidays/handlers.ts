// Maps the holidays:* channels onto the holiday service.
import type { HolidaysApi } from '../../../shared/holidays/contract';
import type { HolidayService } from './service';

export function createHolidayHandlers(holidays: HolidayService): HolidaysApi {
  return {
    'holidays:list': () => holidays.list(),
    'holidays:load': ({ fileName, text }) => holidays.load(fileName, text),
  };
}
