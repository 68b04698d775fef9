package com.powerpto.sso;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Single sign-on settings (admin) and the sign-in page's provider look-up (anyone). */
@RestController
public class SsoController {

    private final SsoService sso;

    public SsoController(SsoService sso) {
        this.sso = sso;
    }

    @GetMapping("/api/auth/sso")
    public SsoService.Offer offer(@RequestParam(name = "email") String email) {
        return sso.offerFor(email).orElseThrow(() -> ApiException.notFound("single sign-on for this e-mail"));
    }

    /**
     * Reached only when Spring's OAuth2 login did not take the start over: the company has no
     * single sign-on, the start came without the tab's nonce (not from the sign-in page), or no
     * usable provider document is stored. The landing page says which.
     */
    @GetMapping(SsoService.START_PATH + "{companyId}")
    public ResponseEntity<Void> notStarted(@PathVariable String companyId,
                                           @RequestParam(name = TabNonce.PARAMETER, required = false) String tabNonce) {
        String code = !sso.configured(companyId) ? "sso_not_configured"
                : !TabNonce.valid(tabNonce) ? "sso_start_invalid" : "sso_unavailable";
        return ResponseEntity.status(302).header("Location", OidcLogin.LANDING + "#error=" + code)
                .header("Cache-Control", "no-store").build();
    }

    @GetMapping("/api/companies/{companyId}/sso")
    public SsoService.View get(Caller caller, @PathVariable UUID companyId) {
        return sso.get(caller, companyId);
    }

    @PutMapping("/api/companies/{companyId}/sso")
    public SsoService.View put(Caller caller, @PathVariable UUID companyId, @RequestBody SsoService.Body body) {
        return sso.put(caller, companyId, body);
    }

    @DeleteMapping("/api/companies/{companyId}/sso")
    public ResponseEntity<Void> delete(Caller caller, @PathVariable UUID companyId) {
        sso.delete(caller, companyId);
        return ResponseEntity.noContent().build();
    }
}
