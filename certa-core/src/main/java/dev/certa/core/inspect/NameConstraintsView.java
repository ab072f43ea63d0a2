package dev.certa.core.inspect;

import java.util.List;

/**
 * A CA certificate's name constraints (RFC 5280 §4.2.1.10): the only names it may sign for
 * ({@code permitted}) and names it may never sign for ({@code excluded}), applied to every
 * certificate below it. {@code DNS:example.com} covers the domain and its subdomains;
 * {@code IP:10.0.0.0/8} an address range. Clients enforce them, so a constrained intermediate can be
 * handed to a team without letting it issue for anyone else's names.
 */
public record NameConstraintsView(List<String> permitted, List<String> excluded) {
    public NameConstraintsView {
        permitted = List.copyOf(permitted);
        excluded = List.copyOf(excluded);
    }
}
