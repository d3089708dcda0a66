// The face of mail (see README.md): one way to send an e-mail, over the SMTP server set in the settings.
export { send, type Mail } from './mailer.ts';
