// The listening desk's tabs (the weekly brief, src/brief, shows its page under them too).
import { DISTRICT_ADMINS } from '../core/roles.ts';

export const LISTENING_DESK = {
  label: 'listening.title',
  styles: ['/static/listening.css'],
  scripts: ['/static/listening.js'],
  tabs: [
    { href: '/admin/listening', label: 'listening.attention', exact: true, also: ['/admin/listening/issues'] },
    { href: '/admin/listening/topics', label: 'listening.topicWard' },
    { href: '/admin/listening/sources', label: 'listening.sources' },
    { href: '/admin/listening/import', label: 'listening.import' },
    { href: '/admin/listening/labels', label: 'listening.labels' },
    { href: '/admin/listening/alerts', label: 'alerts.title' },
    { href: '/admin/listening/brief', label: 'brief.title' },
    { href: '/admin/listening/settings', label: 'listening.settings', roles: DISTRICT_ADMINS },
  ],
} as const;
