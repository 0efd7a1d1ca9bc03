//! Parameters as constants: `$name` replaced by an RDF term in the parsed
//! query (the algebra), never in its text.
//!
//! Oxigraph's own `substitute_variable` binds the variable when evaluation
//! starts, after the optimizer has planned the query as if it were unbound:
//! `?actor rdfs:label $name` is then planned as a scan of every label, and
//! `BOUND($name)` is folded to false. Replacing the variable by the term
//! before planning lets the optimizer see a constant (an index lookup, a
//! foldable test), and it reaches inside subqueries too, where a binding
//! from outside does not. Where a term cannot stand for the variable (a
//! `BIND ... AS $name`, a `VALUES` or `GROUP BY` on it, a blank node value,
//! a literal where only an IRI may stand), [`substitute`] leaves the query
//! alone and says so; the caller then falls back to the binding.

use oxigraph::model::Term;
use spargebra::algebra::{AggregateExpression, Expression, GraphPattern, OrderExpression};
use spargebra::term::{NamedNodePattern, TermPattern, TriplePattern, Variable};
use spargebra::Query;

/// The variable does not occur where a term could replace it.
struct Refused;

/// Replaces `variable` by `term` throughout `query` (outside the top-level
/// projection, which the caller binds). Returns false, and leaves the query
/// unchanged, when it cannot.
pub(crate) fn substitute(query: &mut Query, variable: &Variable, term: &Term) -> bool {
    if matches!(term, Term::BlankNode(_)) {
        // A blank node in a pattern is a variable, not a constant.
        return false;
    }
    let mut copy = query.clone();
    let s = Substitution { variable, term };
    let done = match &mut copy {
        Query::Select { pattern, .. } => s.top(pattern),
        Query::Ask { pattern, .. } | Query::Describe { pattern, .. } => s.pattern(pattern),
        Query::Construct { template, pattern, .. } => {
            // An IRI or literal is a valid template term; a template triple
            // that becomes invalid (a literal subject) is skipped by the
            // evaluator, as it would be with the variable bound to it.
            template.iter_mut().try_for_each(|t| s.triple(t)).and_then(|()| s.pattern(pattern))
        }
    };
    if done.is_ok() {
        *query = copy;
        true
    } else {
        false
    }
}

struct Substitution<'a> {
    variable: &'a Variable,
    term: &'a Term,
}

impl Substitution<'_> {
    fn is(&self, v: &Variable) -> bool {
        v == self.variable
    }

    /// The SELECT's own projection keeps the variable (bound by the caller);
    /// every pattern below gets the constant.
    fn top(&self, pattern: &mut GraphPattern) -> Result<(), Refused> {
        match pattern {
            GraphPattern::Distinct { inner } | GraphPattern::Reduced { inner } | GraphPattern::Slice { inner, .. } => {
                self.top(inner)
            }
            GraphPattern::Project { inner, .. } => self.pattern(inner),
            other => self.pattern(other),
        }
    }

    fn term_pattern(&self, p: &mut TermPattern) -> Result<(), Refused> {
        if let TermPattern::Variable(v) = p {
            if self.is(v) {
                *p = match self.term {
                    Term::NamedNode(n) => TermPattern::NamedNode(n.clone()),
                    Term::Literal(l) => TermPattern::Literal(l.clone()),
                    _ => return Err(Refused),
                };
            }
        }
        Ok(())
    }

    fn named_node_pattern(&self, p: &mut NamedNodePattern) -> Result<(), Refused> {
        if let NamedNodePattern::Variable(v) = p {
            if self.is(v) {
                let Term::NamedNode(n) = self.term else { return Err(Refused) };
                *p = NamedNodePattern::NamedNode(n.clone());
            }
        }
        Ok(())
    }

    fn triple(&self, t: &mut TriplePattern) -> Result<(), Refused> {
        self.term_pattern(&mut t.subject)?;
        self.named_node_pattern(&mut t.predicate)?;
        self.term_pattern(&mut t.object)
    }

    fn pattern(&self, p: &mut GraphPattern) -> Result<(), Refused> {
        match p {
            GraphPattern::Bgp { patterns } => patterns.iter_mut().try_for_each(|t| self.triple(t)),
            // Property paths hold IRIs only.
            GraphPattern::Path { subject, object, .. } => {
                self.term_pattern(subject)?;
                self.term_pattern(object)
            }
            GraphPattern::Join { left, right }
            | GraphPattern::Union { left, right }
            | GraphPattern::Minus { left, right }
            | GraphPattern::Lateral { left, right } => {
                self.pattern(left)?;
                self.pattern(right)
            }
            GraphPattern::LeftJoin { left, right, expression } => {
                self.pattern(left)?;
                self.pattern(right)?;
                expression.as_mut().map_or(Ok(()), |e| self.expression(e))
            }
            GraphPattern::Filter { expr, inner } => {
                self.expression(expr)?;
                self.pattern(inner)
            }
            GraphPattern::Graph { name, inner } => {
                self.named_node_pattern(name)?;
                self.pattern(inner)
            }
            GraphPattern::Extend { inner, variable, expression } => {
                if self.is(variable) {
                    return Err(Refused);
                }
                self.expression(expression)?;
                self.pattern(inner)
            }
            GraphPattern::Values { variables, .. } => {
                if variables.iter().any(|v| self.is(v)) {
                    return Err(Refused);
                }
                Ok(())
            }
            GraphPattern::OrderBy { inner, expression } => {
                for e in expression {
                    match e {
                        OrderExpression::Asc(e) | OrderExpression::Desc(e) => self.expression(e)?,
                    }
                }
                self.pattern(inner)
            }
            GraphPattern::Project { inner, variables } => {
                // A subquery: the constant reaches inside, and the column it
                // no longer binds goes.
                variables.retain(|v| !self.is(v));
                self.pattern(inner)
            }
            GraphPattern::Distinct { inner } | GraphPattern::Reduced { inner } | GraphPattern::Slice { inner, .. } => {
                self.pattern(inner)
            }
            GraphPattern::Group { inner, variables, aggregates } => {
                if variables.iter().any(|v| self.is(v)) || aggregates.iter().any(|(v, _)| self.is(v)) {
                    return Err(Refused);
                }
                for (_, a) in aggregates {
                    if let AggregateExpression::FunctionCall { expr, .. } = a {
                        self.expression(expr)?;
                    }
                }
                self.pattern(inner)
            }
            // A remote endpoint gets the query as written.
            GraphPattern::Service { .. } => Err(Refused),
        }
    }

    fn expression(&self, e: &mut Expression) -> Result<(), Refused> {
        match e {
            Expression::Variable(v) if self.is(v) => {
                *e = match self.term {
                    Term::NamedNode(n) => Expression::NamedNode(n.clone()),
                    Term::Literal(l) => Expression::Literal(l.clone()),
                    _ => return Err(Refused),
                };
                Ok(())
            }
            // Given, the parameter is bound.
            Expression::Bound(v) if self.is(v) => {
                *e = Expression::Literal(true.into());
                Ok(())
            }
            Expression::NamedNode(_) | Expression::Literal(_) | Expression::Variable(_) | Expression::Bound(_) => {
                Ok(())
            }
            Expression::Or(a, b)
            | Expression::And(a, b)
            | Expression::Equal(a, b)
            | Expression::SameTerm(a, b)
            | Expression::Greater(a, b)
            | Expression::GreaterOrEqual(a, b)
            | Expression::Less(a, b)
            | Expression::LessOrEqual(a, b)
            | Expression::Add(a, b)
            | Expression::Subtract(a, b)
            | Expression::Multiply(a, b)
            | Expression::Divide(a, b) => {
                self.expression(a)?;
                self.expression(b)
            }
            Expression::In(a, list) => {
                self.expression(a)?;
                list.iter_mut().try_for_each(|e| self.expression(e))
            }
            Expression::UnaryPlus(a) | Expression::UnaryMinus(a) | Expression::Not(a) => self.expression(a),
            Expression::Exists(p) => self.pattern(p),
            Expression::If(a, b, c) => {
                self.expression(a)?;
                self.expression(b)?;
                self.expression(c)
            }
            Expression::Coalesce(list) | Expression::FunctionCall(_, list) => {
                list.iter_mut().try_for_each(|e| self.expression(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    fn run(sparql: &str, name: &str, term: Term) -> Option<String> {
        let mut q = crate::parse_query("t", sparql).unwrap();
        substitute(&mut q, &Variable::new(name).unwrap(), &term).then(|| q.to_string())
    }

    #[test]
    fn replaces_in_patterns_expressions_and_subqueries() {
        let lit: Term = Literal::new_simple_literal("Xi").into();
        let out = run(
            "SELECT ?x WHERE { ?x rdfs:label $n . { SELECT ?y WHERE { ?y ?p ?o FILTER(CONTAINS(?o, $n) && BOUND($n)) } } }",
            "n",
            lit.clone(),
        )
        .unwrap();
        assert!(!out.contains("?n") && !out.contains("$n"), "{out}");
        assert!(out.contains("\"Xi\""), "{out}");
        assert!(out.contains("true"), "{out}");
        // The top-level projection keeps the variable (the caller binds it).
        let out = run("SELECT $n ?x WHERE { ?x rdfs:label $n }", "n", lit.clone()).unwrap();
        assert!(out.starts_with("SELECT ?n ?x"), "{out}");
    }

    #[test]
    fn refuses_where_a_term_cannot_stand() {
        let lit: Term = Literal::new_simple_literal("x").into();
        assert!(run("SELECT ?s WHERE { ?s $p ?o }", "p", lit.clone()).is_none());
        assert!(run("SELECT ?s WHERE { ?s ?p ?o BIND(1 AS $n) }", "n", lit.clone()).is_none());
        assert!(run("SELECT ?s WHERE { VALUES $n { 1 } ?s ?p $n }", "n", lit.clone()).is_none());
        let iri: Term = NamedNode::new("http://e/p").unwrap().into();
        assert!(run("SELECT ?s WHERE { ?s $p ?o }", "p", iri).is_some());
        let blank: Term = oxigraph::model::BlankNode::default().into();
        assert!(run("SELECT ?s WHERE { ?s ?p $o }", "o", blank).is_none());
    }
}
