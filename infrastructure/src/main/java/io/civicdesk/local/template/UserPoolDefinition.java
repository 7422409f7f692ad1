package io.civicdesk.local.template;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateGroupRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;

/**
 * An {@code AWS::Cognito::UserPool} and the {@code AWS::Cognito::UserPoolGroup}s in it, as much as the local stack
 * needs: how accounts are named (the username attributes), which custom attributes they may have, who may create
 * them, and the groups. The pool is named by its logical ID; the ID the user pool is given locally is its
 * {@code Ref}. Group requests lack the pool's ID until it exists.
 *
 * @param preTokenGeneration the function its pre token generation trigger invokes (LambdaConfig), by logical ID
 */
public record UserPoolDefinition(String logicalId, CreateUserPoolRequest createUserPoolRequest, List<CreateGroupRequest> groups,
                                 Optional<String> preTokenGeneration) {
}
