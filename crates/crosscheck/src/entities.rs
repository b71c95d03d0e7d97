//! Entities merged across articles: each article's alias chains joined by
//! name (accents folded, surnames matched for people).

use crate::names::{name_key, same_person};
use crosswire_link::Origins;
use crosswire_model::dossier::EntityGroup;
use crosswire_model::{Article, EntityKind, SpanKind};
use std::collections::BTreeSet;

fn kind_name(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "PERSON",
        EntityKind::Org => "ORG",
        EntityKind::Gpe => "GPE",
        EntityKind::Loc => "LOC",
        EntityKind::Facility => "FACILITY",
        EntityKind::Law => "LAW",
        EntityKind::Group => "GROUP",
    }
}

/// Merges the entity clusters of all articles.
pub fn entity_groups(articles: &[Article], origins: &Origins) -> Vec<EntityGroup> {
    let mut groups: Vec<(EntityKind, EntityGroup)> = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        for s in &a.spans {
            let SpanKind::Entity {
                entity,
                canonical,
                role,
                ..
            } = &s.kind
            else {
                continue;
            };
            let surface = a.slice(s.range).to_string();
            let found = groups.iter_mut().find(|(k, g)| {
                *k == *entity
                    && if *entity == EntityKind::Person {
                        same_person(&g.name, canonical)
                    } else {
                        name_key(&g.name) == name_key(canonical)
                    }
            });
            let g = match found {
                Some((_, g)) => g,
                None => {
                    groups.push((
                        *entity,
                        EntityGroup {
                            name: canonical.clone(),
                            kind: kind_name(*entity).to_string(),
                            aliases: Vec::new(),
                            roles: Vec::new(),
                            articles: Vec::new(),
                            origin_count: 0,
                        },
                    ));
                    match groups.last_mut() {
                        Some((_, g)) => g,
                        None => continue,
                    }
                }
            };
            // The fullest spelling names the group.
            if canonical.len() > g.name.len() {
                g.name = canonical.clone();
            }
            if !g.aliases.contains(&surface) {
                g.aliases.push(surface);
            }
            if let Some(r) = role {
                if !g.roles.contains(r) {
                    g.roles.push(r.clone());
                }
            }
            if !g.articles.contains(&ai) {
                g.articles.push(ai);
            }
        }
    }
    let mut out: Vec<EntityGroup> = groups
        .into_iter()
        .map(|(_, mut g)| {
            g.origin_count = g
                .articles
                .iter()
                .filter_map(|&a| origins.of_article.get(a))
                .collect::<BTreeSet<_>>()
                .len();
            g
        })
        .collect();
    out.sort_by(|a, b| {
        b.origin_count
            .cmp(&a.origin_count)
            .then(b.aliases.len().cmp(&a.aliases.len()))
            .then(a.name.cmp(&b.name))
    });
    out
}
