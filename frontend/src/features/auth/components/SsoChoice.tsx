// The sign-in page's single sign-on choice: "Continue with <provider>" (a full-page navigation to
// the API, which redirects to the company's identity provider), and — when the company requires
// single sign-on — a note that the password form is only for its emergency administrator.
import { useT } from '@/i18n/I18nProvider';
import { Button } from '@/components/ui/button';
import { ssoStartUrl, type SsoOffer } from '../sso';

export function SsoChoice({ offer }: { offer: SsoOffer }) {
  const t = useT();
  return (
    <div className="space-y-3" data-testid="sso-choice">
      {offer.require_sso && (
        <p role="status" className="rounded-md bg-sky-50 p-3 text-sm text-sky-900" data-testid="sso-required">
          {t('sso.required', { provider: offer.provider_name })}
        </p>
      )}
      <Button asChild variant={offer.require_sso ? 'primary' : 'secondary'} className="w-full">
        <a
          href={offer.start_path}
          onClick={(e) => {
            // The start carries this tab's nonce; the landing page takes only a token that comes back with it.
            e.preventDefault();
            window.location.assign(ssoStartUrl(offer.start_path));
          }}
          data-testid="sso-continue"
        >
          {t('sso.continueWith', { provider: offer.provider_name })}
        </a>
      </Button>
    </div>
  );
}
