// The face of sites (see README.md): the directory of sites, the demo, and a site's channel accounts (cases'
// Zalo notices go through the site's Zalo account). Its pages lend other features' pages a site's chrome (web.ts).
export { getAccount } from './channels/accounts.ts';
export { seedSitesDemo } from './demo.ts';
export { publishing, type Publishing, type SiteView } from './directory.ts';
