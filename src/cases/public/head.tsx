// Styles (and the optional location helper) of the public cases pages.
export function PublicHead({ script = false }: { script?: boolean }) {
  return (
    <>
      <link rel="stylesheet" href="/static/cases-public.css" />
      {script && <script src="/static/cases-public.js" defer />}
    </>
  );
}
