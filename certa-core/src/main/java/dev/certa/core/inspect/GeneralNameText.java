package dev.certa.core.inspect;

import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.IpAddresses;
import dev.certa.core.name.SubjectAltName;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;

/**
 * GeneralNames as openssl writes them: {@code DNS:api.example.com}, {@code IP:10.0.0.5},
 * {@code email:ops@example.com}, {@code URI:https://…}. Forms certa does not issue (directory names,
 * registered IDs, other names) are still shown, so inspection hides nothing a certificate says.
 */
final class GeneralNameText {
    private GeneralNameText() {}

    static List<String> of(GeneralNames names) {
        List<String> out = new ArrayList<>();
        for (GeneralName g : names.getNames()) {
            out.add(of(g));
        }
        return out;
    }

    static String of(GeneralName g) {
        return switch (g.getTagNo()) {
            case GeneralName.dNSName, GeneralName.rfc822Name, GeneralName.uniformResourceIdentifier,
                    GeneralName.iPAddress -> SubjectAltName.fromGeneralName(g).map(SubjectAltName::toString)
                    .orElse("IP:invalid");
            case GeneralName.directoryName -> "DirName:" + DistinguishedNames.display(X500Name.getInstance(g.getName()));
            case GeneralName.registeredID -> "RID:" + ASN1ObjectIdentifier.getInstance(g.getName()).getId();
            case GeneralName.otherName -> "othername:" + ASN1ObjectIdentifier.getInstance(
                    ASN1Sequence.getInstance(g.getName()).getObjectAt(0)).getId();
            default -> "name of form " + g.getTagNo();
        };
    }

    /**
     * A name-constraints subtree. DNS and email subtrees name a domain and everything below it; an IP
     * subtree is an address and a mask, shown as a CIDR prefix ({@code IP:10.0.0.0/8}).
     */
    static String subtree(GeneralSubtree subtree) {
        GeneralName base = subtree.getBase();
        if (base.getTagNo() == GeneralName.iPAddress) {
            return "IP:" + ipRange(ASN1OctetString.getInstance(base.getName()).getOctets());
        }
        return of(base);
    }

    static List<String> subtrees(GeneralSubtree[] subtrees) {
        List<String> out = new ArrayList<>();
        if (subtrees != null) {
            for (GeneralSubtree s : subtrees) {
                out.add(subtree(s));
            }
        }
        return out;
    }

    private static String ipRange(byte[] addressAndMask) {
        int n = addressAndMask.length / 2;
        if (addressAndMask.length != 8 && addressAndMask.length != 32) {
            return "invalid(" + addressAndMask.length + " bytes)";
        }
        byte[] address = Arrays.copyOfRange(addressAndMask, 0, n);
        byte[] mask = Arrays.copyOfRange(addressAndMask, n, 2 * n);
        String addressText;
        try {
            addressText = IpAddresses.canonical(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            return "invalid";
        }
        int prefix = prefixLength(mask);
        if (prefix >= 0) {
            return addressText + "/" + prefix;
        }
        try {
            return addressText + "/" + IpAddresses.canonical(InetAddress.getByAddress(mask));
        } catch (UnknownHostException e) {
            return addressText + "/invalid";
        }
    }

    /** The number of leading one bits, or -1 when the mask is not contiguous. */
    private static int prefixLength(byte[] mask) {
        int bits = 0;
        boolean zeroSeen = false;
        for (byte b : mask) {
            for (int i = 7; i >= 0; i--) {
                boolean one = ((b >> i) & 1) == 1;
                if (one && zeroSeen) {
                    return -1;
                }
                if (one) {
                    bits++;
                } else {
                    zeroSeen = true;
                }
            }
        }
        return bits;
    }
}
