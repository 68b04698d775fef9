package com.powerpto.auth;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.security.TokenService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in, identity, password change and invitation acceptance (docs/api-extensions.md). */
@RestController
@RequestMapping("/api/auth")
public class AuthController {

    private final AccountService accounts;
    private final ClientAddress clientAddress;

    public AuthController(AccountService accounts, ClientAddress clientAddress) {
        this.accounts = accounts;
        this.clientAddress = clientAddress;
    }

    @PostMapping("/login")
    public Bodies.LoginResponse login(@RequestBody Bodies.LoginBody body, HttpServletRequest request) {
        TokenService.IssuedToken token = accounts.login(body.email(), body.password(), clientAddress.of(request));
        return new Bodies.LoginResponse(token.value(), "bearer", token.expiresIn());
    }

    @GetMapping("/me")
    public MeView me(Caller caller) {
        return accounts.me(caller);
    }

    @PostMapping("/change-password")
    public ResponseEntity<Void> changePassword(Caller caller, @RequestBody Bodies.ChangePasswordBody body,
                                               HttpServletRequest request) {
        accounts.changePassword(caller, body.currentPassword(), body.newPassword(), clientAddress.of(request));
        return ResponseEntity.noContent().build();
    }

    /** Ends every token of the caller's account on every device, the one of this request too. */
    @PostMapping("/sign-out-everywhere")
    public ResponseEntity<Void> signOutEverywhere(Caller caller) {
        accounts.signOutEverywhere(caller);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/accept-invite")
    public ResponseEntity<Void> acceptInvite(@RequestBody Bodies.AcceptInviteBody body, HttpServletRequest request) {
        accounts.acceptInvite(body.token(), body.password(), clientAddress.of(request));
        return ResponseEntity.noContent().build();
    }
}
