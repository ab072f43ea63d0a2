package dev.certa.bench.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** The benchmark's DNS server as a real resolver (dnsjava, as certa's validation uses) sees it. */
class LoopbackDnsTest {
    private static Message ask(LoopbackDns dns, String name, int type) throws Exception {
        SimpleResolver resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(dns.port());
        resolver.setTimeout(Duration.ofSeconds(2));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN)));
    }

    @Test
    void namesUnderTheSuffixAreLoopbackAndADns01RecordIsThereWhilePublished() throws Exception {
        try (LoopbackDns dns = new LoopbackDns(0, "bench.test")) {
            Message a = ask(dns, "n1.bench.test", Type.A);
            assertThat(a.getSection(Section.ANSWER)).singleElement()
                    .satisfies(r -> assertThat(((ARecord) r).getAddress().getHostAddress()).isEqualTo("127.0.0.1"));

            LoopbackDns.Txt txt = dns.publishTxt("_acme-challenge.n1.bench.test", "LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0");
            Message t = ask(dns, "_acme-challenge.N1.bench.test", Type.TXT);
            assertThat(t.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(t.getSection(Section.ANSWER)).singleElement()
                    .satisfies(r -> assertThat(((TXTRecord) r).getStrings()).containsExactly("LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0"));
            assertThat(txt.awaitQuery(0)).as("the first query is noticed").isTrue();

            dns.withdrawTxt("_acme-challenge.n1.bench.test");
            assertThat(ask(dns, "_acme-challenge.n1.bench.test", Type.TXT).getSection(Section.ANSWER)).isEmpty();
            assertThat(ask(dns, "n1.bench.test", Type.CAA).getSection(Section.ANSWER)).as("no CAA: any CA may issue").isEmpty();
            assertThat(ask(dns, "elsewhere.example", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        }
    }
}
