package dev.certa.server.ra.acme;

/** The ACME registration authority's parts, as the front end uses them. */
public record AcmeRa(AcmeAccounts accounts, AcmeOrders orders, AcmeValidations validations, AcmeCertificates certificates,
        AcmeRenewals renewals, AcmeEabKeys eabKeys) {}
