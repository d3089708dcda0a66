import { defineMessages } from '../../i18n/define.ts';

export default defineMessages(
  {
    'nav.brief': 'Báo cáo tuần',
    'brief.title': 'Báo cáo tuần',
  },
  {
    'nav.brief': 'Weekly brief',
    'brief.title': 'Weekly brief',
  },
);
