// Commands speak both languages, Vietnamese first, as their help does.
import { translate, type MessageKey, type Params } from '../i18n/catalog.ts';

export const both = (key: MessageKey, params?: Params): string => `${translate('vi', key, params)}\n${translate('en', key, params)}\n`;
