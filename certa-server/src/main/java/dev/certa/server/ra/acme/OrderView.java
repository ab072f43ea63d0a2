package dev.certa.server.ra.acme;

import dev.certa.store.AcmeOrder;
import dev.certa.store.AcmeStatus;

/** An order as a client sees it now: its stored state and the status derived from its authorizations and the clock. */
public record OrderView(AcmeOrder order, AcmeStatus status) {}
