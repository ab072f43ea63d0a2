package dev.certa.core.inspect;

import java.util.List;

/**
 * What one file holds, in file order.
 *
 * @param source the name the file was given as (usually its path), shown in headings and errors
 */
public record Inspection(String source, List<InspectedItem> items) {
    public Inspection {
        items = List.copyOf(items);
    }

    /** The certificates among the items, in file order. */
    public List<CertificateView> certificates() {
        return items.stream().filter(CertificateView.class::isInstance).map(CertificateView.class::cast).toList();
    }
}
