package com.powerpto.integration.slack;

import com.powerpto.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Development only: the signed-in person's Slack direct messages in the stand-in workspace, and their clicks. */
@RestController
public class DevSlackController {

    private final DevSlackService slack;

    public DevSlackController(DevSlackService slack) {
        this.slack = slack;
    }

    @GetMapping("/api/dev/slack")
    public DevSlackService.Inbox inbox(Caller caller) {
        return slack.inbox(caller);
    }

    /** {@code {channel, ts, action: approve|deny, note?}}: one of the caller's own messages. */
    @PostMapping("/api/dev/slack/click")
    public DevSlackService.Clicked click(Caller caller, @RequestBody DevSlackService.ClickBody body) {
        return slack.click(caller, body);
    }
}
