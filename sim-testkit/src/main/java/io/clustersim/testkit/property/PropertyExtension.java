package io.clustersim.testkit.property;

import io.clustersim.testkit.gen.Draws;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs {@link Property} methods through {@link PropertyCheck}. JUnit invokes a test method once;
 * this interceptor skips that invocation and instead invokes the method itself once per try (and
 * per shrink step), each time with a fresh {@link Draws} in place of the resolved one.
 */
public final class PropertyExtension implements ParameterResolver, InvocationInterceptor {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Draws.class
                && AnnotationSupport.isAnnotated(parameter.getDeclaringExecutable(), Property.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // A placeholder: JUnit resolves parameters before interception, but every real call gets
        // its own Draws from interceptTestMethod.
        return Draws.replaying(new long[0]);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) {
        invocation.skip();
        Method method = invocationContext.getExecutable();
        Property property = AnnotationSupport.findAnnotation(method, Property.class)
                .orElseThrow(() -> new IllegalStateException("not a @Property method: " + method));
        String name = context.getRequiredTestClass().getName() + "#" + method.getName();
        PropertySettings settings =
                PropertySettings.resolve(name, property.tries(), context::getConfigurationParameter);

        Object target = invocationContext.getTarget().orElse(null);
        List<Object> resolved = invocationContext.getArguments();
        PropertyBody body = draws ->
                ReflectionSupport.invokeMethod(method, target, withDraws(method, resolved, draws));

        if (settings.replaySeed().isPresent()) {
            PropertyCheck.runSeed(name, settings.replaySeed().getAsLong(), property.maxShrinks(),
                    body, System.err);
        } else {
            PropertyCheck.runTries(name, settings.baseSeed(), settings.tries(),
                    property.maxShrinks(), body, System.err);
        }
    }

    /** The resolved arguments with every {@link Draws} parameter bound to {@code draws}. */
    private static Object[] withDraws(Method method, List<Object> resolved, Draws draws) {
        Object[] arguments = resolved.toArray();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == Draws.class) {
                arguments[i] = draws;
            }
        }
        return arguments;
    }
}
