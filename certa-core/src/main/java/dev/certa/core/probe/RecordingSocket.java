package dev.certa.core.probe;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A plain TCP socket that keeps the first bytes the peer sends, so that a failed handshake can say
 * what answered instead of TLS (an HTTP error page, an SMTP banner) and whether anything came back
 * at all. JSSE layers its TLS socket on top and reads through {@link #getInputStream()}.
 */
final class RecordingSocket extends java.net.Socket {
    private static final int KEEP = 64;

    private final ByteArrayOutputStream first = new ByteArrayOutputStream();
    private long total;
    private @Nullable InputStream in;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            // buffered above the recording, so that what arrived is kept even where JSSE read only a
            // record header before giving up (an HTTP answer shows its whole status line)
            in = new BufferedInputStream(new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        keep(new byte[] {(byte) b}, 0, 1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        keep(b, off, n);
                    }
                    return n;
                }
            }, 16 * 1024);
        }
        return in;
    }

    private synchronized void keep(byte[] b, int off, int n) {
        total += n;
        int room = KEEP - first.size();
        if (room > 0) {
            first.write(b, off, Math.min(room, n));
        }
    }

    /** How many bytes have arrived from the peer so far. */
    synchronized long received() {
        return total;
    }

    /** The first bytes the peer sent (up to 64). */
    synchronized byte[] firstBytes() {
        return Arrays.copyOf(first.toByteArray(), first.size());
    }
}
