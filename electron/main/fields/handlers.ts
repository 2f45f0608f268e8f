// Maps the fields:* channel onto the fields service.
import type { FieldsApi } from '../../../shared/fields/contract';
import type { FieldsService } from './service';

export function createFieldsHandlers(fields: FieldsService): FieldsApi {
  return {
    'fields:read': ({ sha256 }) => fields.read(sha256),
  };
}
