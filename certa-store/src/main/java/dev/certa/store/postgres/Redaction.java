package dev.certa.store.postgres;

import java.util.regex.Pattern;

/** Keeps passwords out of anything a person or a log sees. */
final class Redaction {
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern URL_USERINFO = Pattern.compile("//[^/@?]*@");

    private Redaction() {}

    /** The JDBC URL without any password in its parameters or user-info. */
    static String url(String jdbcUrl) {
        String withoutParameter = URL_PASSWORD.matcher(jdbcUrl).replaceAll("$1****");
        return URL_USERINFO.matcher(withoutParameter).replaceAll("//****@");
    }

    /** {@code text} with every occurrence of {@code password} masked. */
    static String text(String text, String password) {
        return password.isEmpty() ? text : text.replace(password, "****");
    }
}
