package dev.certa.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"certa " + (v == null ? "development build" : v), "Java " + Runtime.version()};
    }
}
