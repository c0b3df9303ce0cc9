package org.passerelle.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension: {@code @ExtendWith(RealPostgres.class)} hands a test (or its {@code @BeforeAll}) the
 * JVM's shared {@link PostgresServer}, started on first use. A test that stops the server starts one
 * of its own with {@link PostgresServer#start()}.
 */
public final class RealPostgres implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == PostgresServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return PostgresServer.shared();
	}

}
