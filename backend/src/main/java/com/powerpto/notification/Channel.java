package com.powerpto.notification;

/** Where a message goes: e-mail to a person, a Slack direct message, or the company's Teams channel. */
public enum Channel {
    EMAIL, SLACK, TEAMS
}
