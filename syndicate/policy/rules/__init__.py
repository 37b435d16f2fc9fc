"""Every rule, listed explicitly: importing this package registers them."""

import syndicate.policy.rules.attribution
import syndicate.policy.rules.content
import syndicate.policy.rules.origin
import syndicate.policy.rules.tracking  # noqa: F401
