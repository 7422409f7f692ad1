package io.civicdesk.staff;

import io.civicdesk.platform.StaffCaller.Role;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The staff user pool ({@code StaffUserPool}: email is the username, {@code custom:unit} the unit, a group per role).
 * An account is addressed by its {@code sub}, which Cognito takes wherever it takes a username.
 */
public final class CognitoSignInAccounts implements SignInAccounts {
    private static final String SUB = "sub";
    private static final String UNIT = "custom:unit";

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoSignInAccounts(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public Opened open(String email, String name, String unitId) {
        return calling("AdminCreateUser", () -> {
            List<AttributeType> attributes = new ArrayList<>(List.of(attribute("email", email),
                    // The administrator vouches for the address; Cognito mails the invitation there.
                    attribute("email_verified", "true"), attribute("name", name)));
            if (unitId != null) {
                attributes.add(attribute(UNIT, unitId));
            }
            try {
                return new Opened(sub(cognito.adminCreateUser(create -> create.userPoolId(userPoolId).username(email)
                        .userAttributes(attributes).desiredDeliveryMediums(DeliveryMediumType.EMAIL)).user().attributes()), true);
            } catch (UsernameExistsException e) {
                return new Opened(sub(cognito.adminGetUser(get -> get.userPoolId(userPoolId).username(email)).userAttributes()), false);
            }
        });
    }

    @Override
    public void update(String id, String name, String unitId) {
        calling("AdminUpdateUserAttributes", () -> {
            List<AttributeType> attributes = new ArrayList<>(List.of(attribute("name", name)));
            if (unitId != null) {
                attributes.add(attribute(UNIT, unitId));
            }
            cognito.adminUpdateUserAttributes(update -> update.userPoolId(userPoolId).username(id).userAttributes(attributes));
            // Only an attribute the account has can be deleted (moto refuses any other).
            if (unitId == null && cognito.adminGetUser(get -> get.userPoolId(userPoolId).username(id)).userAttributes().stream()
                    .anyMatch(attribute -> attribute.name().equals(UNIT))) {
                cognito.adminDeleteUserAttributes(delete -> delete.userPoolId(userPoolId).username(id).userAttributeNames(UNIT));
            }
            return null;
        });
    }

    @Override
    public void setRoles(String id, Set<Role> roles) {
        calling("AdminListGroupsForUser", () -> {
            Set<String> wanted = roles.stream().map(Role::group).collect(Collectors.toSet());
            Set<String> held = cognito.adminListGroupsForUserPaginator(list -> list.userPoolId(userPoolId).username(id))
                    .groups().stream().map(GroupType::groupName).collect(Collectors.toSet());
            for (String group : wanted) {
                if (!held.contains(group)) {
                    cognito.adminAddUserToGroup(add -> add.userPoolId(userPoolId).username(id).groupName(group));
                }
            }
            // Only the role groups: any other group an administrator made in the console is theirs to manage.
            for (Role role : Role.values()) {
                if (held.contains(role.group()) && !wanted.contains(role.group())) {
                    cognito.adminRemoveUserFromGroup(remove -> remove.userPoolId(userPoolId).username(id).groupName(role.group()));
                }
            }
            return null;
        });
    }

    @Override
    public void disable(String id) {
        calling("AdminDisableUser", () -> {
            // Disabled first, so no new sign-in starts while the sessions are ended.
            cognito.adminDisableUser(disable -> disable.userPoolId(userPoolId).username(id));
            try {
                cognito.adminUserGlobalSignOut(signOut -> signOut.userPoolId(userPoolId).username(id));
            } catch (NotAuthorizedException e) {
                // Refused for an account already disabled: disabling revoked its tokens already.
            }
            return null;
        });
    }

    @Override
    public void enable(String id) {
        calling("AdminEnableUser", () -> cognito.adminEnableUser(enable -> enable.userPoolId(userPoolId).username(id)));
    }

    private static <T> T calling(String call, Supplier<T> work) {
        try {
            return work.get();
        } catch (SdkException e) {
            // Named by the call and the error's kind only: the person's details stay out of messages and logs.
            throw new Failure(call + " failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static String sub(List<AttributeType> attributes) {
        return attributes.stream().filter(attribute -> attribute.name().equals(SUB)).map(AttributeType::value).findFirst()
                .orElseThrow(() -> new IllegalStateException("The user pool gave an account without a sub"));
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
