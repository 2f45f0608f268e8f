// The cardShop:* channels, and the step that puts a card-shop record's secrets into a bundle input:
// masked unless the buyer chose to show them, opened here in main only then.
import type { CardShopSecrets } from '../../../shared/bundle/contract';
import type { BundleInput } from '../../../shared/bundle/types';
import type { CardShopApi } from '../../../shared/cardshop/contract';
import { SECRET_MASK } from '../../../shared/cardshop/record';
import type { SecretBox } from './box';

export function createCardShopHandlers(box: SecretBox): CardShopApi {
  return {
    'cardShop:seal': async ({ text }) => ({ sealed: await box.seal(text) }),
    'cardShop:reveal': async ({ sealed }) => ({ text: await box.open(sealed) }),
  };
}

/** The input with its card-shop secrets as they are to be printed. */
export async function withCardShopSecrets(input: BundleInput, secrets: CardShopSecrets | undefined, box: SecretBox): Promise<BundleInput> {
  if (input.cardShop === null) return input;
  const print = async (sealed: string | undefined): Promise<string> => {
    if (sealed === undefined || sealed === '') return '';
    return secrets?.show === true ? box.open(sealed) : SECRET_MASK;
  };
  // Whatever the renderer put in the print fields is ignored: only main's sealed copies count.
  return { ...input, cardShop: { ...input.cardShop, queryPassword: await print(secrets?.queryPassword), cardCode: await print(secrets?.cardCode) } };
}
