package dev.certa.server.ra;

import dev.certa.core.error.CertaException;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The subject of a certificate this CA issues, built from authorized names only (a token's, an order's,
 * or those recorded for the certificate being renewed) — never copied from a CSR. The rule:
 *
 * <ul>
 *   <li>the subject is {@code CN=<first authorized name>} when that name fits the 64 characters of a
 *       common name, else it is empty and the names are in the SANs only;
 *   <li>a CSR whose subject carries a common name that is not one of the authorized names is refused
 *       (the requester asked for something it was not given), naming that CN;
 *   <li>every other attribute of the CSR's subject (O, OU, L, ST, C, emailAddress…) is dropped: the CA has
 *       not checked them, so it does not vouch for them.
 * </ul>
 *
 * <p>Clients match SANs only, but many tools show the CN; a CN no one authorized would still mislead a
 * person, and certa's issuer copies a host-like CN into the SANs, so a foreign CN is a foreign name.
 */
public final class AuthorizedSubject {
    private AuthorizedSubject() {}

    /** {@code CN=<first name>} when it fits 64 characters, else an empty subject. */
    public static X500Name of(List<SubjectAltName> authorized) {
        if (authorized.isEmpty() || authorized.getFirst().value().length() > DistinguishedNames.MAX_COMMON_NAME) {
            return new X500Name(new RDN[0]);
        }
        return DistinguishedNames.commonName(authorized.getFirst().value());
    }

    /** The first common name in {@code requested} that is not one of {@code authorized}, if any. */
    public static Optional<String> foreignCommonName(X500Name requested, List<SubjectAltName> authorized) {
        for (RDN rdn : requested.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(BCStyle.CN)) {
                    String cn = atv.getValue() instanceof ASN1String s ? s.getString() : IETFUtils.valueToString(atv.getValue());
                    if (!isAuthorized(cn, authorized)) {
                        return Optional.of(cn);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isAuthorized(String cn, List<SubjectAltName> authorized) {
        SubjectAltName asName;
        try {
            asName = SubjectAltName.parse(cn);
        } catch (CertaException notAName) {
            return false;
        }
        String value = asName.value().toLowerCase(Locale.ROOT);
        return authorized.stream().anyMatch(a -> a.type() == asName.type() && a.value().toLowerCase(Locale.ROOT).equals(value));
    }

    /** How a refusal quotes a CN: printable, and short. */
    public static String quoted(String cn) {
        String printable = cn.codePoints().mapToObj(c -> c < 0x20 || c == 0x7f ? "?" : Character.toString(c))
                .collect(java.util.stream.Collectors.joining());
        return "'" + (printable.length() > 80 ? printable.substring(0, 80) + "…" : printable) + "'";
    }
}
