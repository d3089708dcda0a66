import { Document } from './layout.tsx';
import { usePage } from './page-context.ts';

export function ErrorPage({ status, message }: { status: number; message: string }) {
  const { t } = usePage();
  return (
    <Document title={t('error.title')} bodyClass="centered">
      <main class="card narrow" id="main">
        <p class="status-code">{status}</p>
        <h1>{t('error.title')}</h1>
        <p>{message}</p>
        <p>
          <a href="/admin">{t('error.goHome')}</a>
        </p>
      </main>
    </Document>
  );
}
